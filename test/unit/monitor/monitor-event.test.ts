/** Which of the monitor's two checks a scheduled event asks for (functions/monitor/handler.ts). */
import { ConfigError } from '../../../functions/core/errors';

// The handler module reads no environment at load, so importing it for its pure parts is safe.
import { monitorCheckOf } from '../../../functions/monitor/handler';

test("the missing-run schedule's event (no input, or no check) is the missing-run check", () => {
  expect(monitorCheckOf(undefined)).toBe('missing-run');
  expect(monitorCheckOf({})).toBe('missing-run');
  expect(monitorCheckOf({ 'detail-type': 'Scheduled Event' })).toBe('missing-run');
});

test("the reminder schedule's input is the approval-reminder check", () => {
  expect(monitorCheckOf({ check: 'approval-reminder' })).toBe('approval-reminder');
});

test('an unknown check is refused with a message naming the field', () => {
  expect(() => monitorCheckOf({ check: 'remind-everyone' })).toThrow(ConfigError);
  expect(() => monitorCheckOf({ check: 'remind-everyone' })).toThrow(/check/);
});

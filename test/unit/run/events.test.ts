import { InvalidEventError } from '../../../functions/core/errors';
import { parseRunEvent } from '../../../functions/run/events';
import { requestFromEvent } from '../../../functions/run/run';

function rejection(event: unknown): string {
  try {
    parseRunEvent(event);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as Error).message;
  }
  throw new Error('expected the event to be rejected');
}

describe('event validation', () => {
  test('a schedule event gives the previous month, sent once to the distribution list', () => {
    const request = requestFromEvent(parseRunEvent({ trigger: 'schedule', scheduledTime: '2013-12-02T07:00:00Z' }));
    expect(request).toEqual({
      period: '2013-11',
      trigger: 'schedule',
      requestedBy: 'schedule',
      reason: null,
      scheduledTime: '2013-12-02T07:00:00Z',
      delivery: { mode: 'distribution', kind: 'pack', exactlyOnce: true },
    });
  });

  test('reruns map send to the delivery', () => {
    const base = { trigger: 'rerun', period: '2013-11', requestedBy: 'ann', reason: 'late data' };
    expect(requestFromEvent(parseRunEvent({ ...base, send: 'none' })).delivery).toEqual({ mode: 'none' });
    expect(requestFromEvent(parseRunEvent({ ...base, send: 'preview' })).delivery).toEqual({
      mode: 'preview',
      to: null,
    });
    expect(
      requestFromEvent(parseRunEvent({ ...base, send: 'preview', previewTo: ['Ann@Haringey.example'] })).delivery,
    ).toEqual({
      mode: 'preview',
      to: ['ann@haringey.example'],
    });
    expect(requestFromEvent(parseRunEvent({ ...base, send: 'all' })).delivery).toEqual({
      mode: 'distribution',
      kind: 'revised',
      exactlyOnce: false,
    });
  });

  test.each([
    [{ trigger: 'schedule' }, 'scheduledTime'],
    [{ trigger: 'schedule', scheduledTime: 'next Tuesday' }, 'scheduledTime: must be an ISO 8601 date-time'],
    [{ trigger: 'nightly' }, 'trigger: must be "schedule" or "rerun"'],
    [{}, 'trigger'],
    [
      { trigger: 'rerun', period: '2013-13', requestedBy: 'a', reason: 'b', send: 'all' },
      'period: must be a month as YYYY-MM',
    ],
    [
      { trigger: 'rerun', period: '2013-11', requestedBy: '', reason: 'b', send: 'all' },
      'requestedBy: must say who asked',
    ],
    [{ trigger: 'rerun', period: '2013-11', requestedBy: 'a', reason: 'b', send: 'everyone' }, 'send'],
    [
      {
        trigger: 'rerun',
        period: '2013-11',
        requestedBy: 'a',
        reason: 'b',
        send: 'all',
        previewTo: ['x@haringey.example'],
      },
      'previewTo: applies only when send is "preview"',
    ],
    [
      {
        trigger: 'rerun',
        period: '2013-11',
        requestedBy: 'a',
        reason: 'b',
        send: 'preview',
        previewTo: ['not an address'],
      },
      'previewTo[0]: is not an email address',
    ],
    [{ trigger: 'schedule', scheduledTime: '2013-12-02T07:00:00Z', extra: 1 }, 'extra'],
  ])('%j is rejected naming %s', (event, field) => {
    expect(rejection(event)).toContain(field);
  });

  test('a non-object is rejected', () => {
    expect(rejection('schedule')).toContain('expected a JSON object');
    expect(rejection(null)).toContain('expected a JSON object');
  });
});

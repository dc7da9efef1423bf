import { assertFitsLimit, base64Size, composeMail } from '../../../functions/adapters/mailer';
import { MessageTooLargeError } from '../../../functions/core/errors';

test('base64 size is 4 bytes per started 3', () => {
  expect(base64Size(0)).toBe(0);
  expect(base64Size(1)).toBe(4);
  expect(base64Size(3)).toBe(4);
  expect(base64Size(4)).toBe(8);
  expect(base64Size(7_864_320)).toBe(10_485_760); // 7.5 MiB raw is exactly 10 MiB encoded
});

describe('composed messages', () => {
  const mail = {
    from: 'performance@haringey.example',
    to: ['a@haringey.example'],
    cc: ['b@haringey.example'],
    subject: '[Preview] Report: November 2013 — “quotes”',
    html: '<p>Hello</p>',
    text: 'Hello',
    attachments: [
      {
        filename: 'pack.xlsx',
        content: Buffer.from('PK fake workbook'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    ],
  };

  test('MIME with both alternatives, the attachment and every recipient in the envelope', async () => {
    const composed = await composeMail(mail, new Date('2013-12-02T07:00:00Z'));
    const raw = composed.raw.toString();
    expect(composed.recipients).toEqual(['a@haringey.example', 'b@haringey.example']);
    expect(raw).toMatch(/^Content-Type: multipart\/mixed/m);
    expect(raw).toMatch(/^Content-Type: text\/plain/m);
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    expect(raw).toMatch(
      /Content-Type:\s+application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet;\s+name=pack\.xlsx/,
    );
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=pack\.xlsx/m);
    expect(raw).toMatch(/^Cc: b@haringey\.example$/m);
    expect(raw).not.toContain('“'); // the subject is encoded, not raw UTF-8
  });

  test('a message over the limit after base64 is refused with the sizes named', async () => {
    const composed = await composeMail(mail, new Date('2013-12-02T07:00:00Z'));
    const limit = base64Size(composed.raw.length) - 1;
    expect(() => assertFitsLimit(composed, limit, 'email')).toThrow(MessageTooLargeError);
    expect(() => assertFitsLimit(composed, limit, 'email')).toThrow(/after base64 encoding, over the email limit/);
    expect(() => assertFitsLimit(composed, limit + 1, 'email')).not.toThrow();
  });
});

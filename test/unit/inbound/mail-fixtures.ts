/**
 * Raw MIME replies composed with nodemailer's MailComposer (the library our mailer sends
 * with), and the SES receipt event that comes with them: the fixtures of the inbound
 * tests. Every message is built here from plain parts, so each test shows what it sends.
 */
import { deflateRawSync } from 'node:zlib';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';

export const OFFICER = 'performance.officer@haringey.example';
export const RECEIVING = 'pack-replies@haringey.example';
/** The SES message id of the preview batch, as the manifest records it. */
export const PREVIEW_SES_ID = '0102018c2a9f3b4e-5d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6-000000';
export const PREVIEW_RUN_ID = '20131202T070000.000Z-rerun-3fa1c0';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function composeReply(options: Partial<Mail.Options>): Promise<Buffer> {
  const composer = new MailComposer({
    from: `Performance Officer <${OFFICER}>`,
    to: RECEIVING,
    subject: `RE: [Preview] Child protection indicator pack, November 2013 [IP-2013-11-3fa1c0]`,
    inReplyTo: `<${PREVIEW_SES_ID}@eu-west-2.amazonses.com>`,
    references: [`<${PREVIEW_SES_ID}@eu-west-2.amazonses.com>`],
    messageId: '<reply-1@haringey.example>',
    text: 'Thanks.\n\n> Reply with APPROVE to send the pack.',
    ...options,
  });
  return composer.compile().build();
}

export function workbookAttachment(content: Buffer, filename = 'pack.xlsx'): Mail.Attachment {
  return { filename, content, contentType: XLSX_TYPE };
}

/**
 * A decompression bomb named pack.xlsx: a zip whose one entry, xl/worksheets/sheet1.xml,
 * is 64 MiB of one byte deflated to about 64 KiB (1,000:1) — past the zip guard's ratio
 * limit of 200 long before its inflated-size limit.
 */
export function zipBomb(): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = deflateRawSync(Buffer.alloc(64 * 1024 ** 2, 0x20), { level: 9 });
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8); // deflated
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(64 * 1024 ** 2, 22);
  header.writeUInt16LE(name.length, 26);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return Buffer.concat([header, name, data, end]);
}

export type Verdicts = Partial<Record<'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', string>>;

/** The Lambda action's event (shape: Amazon SES Developer Guide, "Sample incoming email event"). */
export function sesEvent(messageId: string, verdicts: Verdicts = {}, from = OFFICER): unknown {
  const status = (name: keyof Verdicts) => ({ status: verdicts[name] ?? 'PASS' });
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: '2013-12-02T09:15:00.000Z',
            source: from,
            messageId,
            destination: [RECEIVING],
            headersTruncated: false,
            headers: [],
            commonHeaders: { from: [from], to: [RECEIVING], subject: 'RE: [Preview] …' },
          },
          receipt: {
            timestamp: '2013-12-02T09:15:00.000Z',
            processingTimeMillis: 512,
            recipients: [RECEIVING],
            spamVerdict: status('spam'),
            virusVerdict: status('virus'),
            spfVerdict: status('spf'),
            dkimVerdict: status('dkim'),
            dmarcVerdict: status('dmarc'),
            action: {
              type: 'Lambda',
              functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:run',
              invocationType: 'Event',
            },
          },
        },
      },
    ],
  };
}

/**
 * The email body linted against the caniemail data (@jsx-email/doiuse-email) for the clients
 * directors read it in: Outlook for Windows (Word engine), Gmail on the web and Apple Mail.
 * Before issue 14 Outlook had 133 errors (131 × white-space, 2 × table-layout).
 */
import { doIUseEmail } from '@jsx-email/doiuse-email';
import { renderEmail } from '../../../functions/core/render/email';
import { examplePack, exampleMeta } from '../../fixtures/pack/example-pack';

const CLIENTS = ['outlook.windows', 'gmail.desktop-webmail', 'apple-mail.macos'];

describe('the email body against caniemail', () => {
  it.each(['pack', 'revised', 'preview'] as const)('uses nothing those clients lack (%s)', (kind) => {
    const { html } = renderEmail(examplePack(), exampleMeta, kind);
    for (const client of CLIENTS) {
      const result = doIUseEmail(html, { emailClients: [client] });
      expect({ client, errors: result.success ? [] : result.errors }).toEqual({ client, errors: [] });
    }
  });
});

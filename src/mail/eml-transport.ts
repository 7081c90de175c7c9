import fsp from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { randomId } from '../lib/ids.js';
import type { MailTransport, OutgoingMail } from './mail-transport.js';

/**
 * No SMTP_URL: each message becomes `<outbox id>.eml` in a directory, the exact bytes SMTP would carry, so a
 * bare `npm start` works and a person can open what would have been sent. A resend after a crash rewrites the
 * same file. Written as temp file → fsync → rename → fsync(directory): "sent" is only recorded for a file
 * that is really there.
 */
export function createEmlTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `.eml files in ${dir}`,
    async send(mail: OutgoingMail) {
      const info = await composer.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
      const bytes = info.message;
      if (!Buffer.isBuffer(bytes)) throw new Error('nodemailer did not return the message as a buffer');
      await fsp.mkdir(dir, { recursive: true });
      // The Message-ID's local part is an outbox id: safe as a file name.
      const name = `${mail.messageId.replace(/^<([a-z0-9_]+)@.*$/, '$1')}.eml`;
      const temp = path.join(dir, `.tmp-${randomId()}`);
      const handle = await fsp.open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, path.join(dir, name));
      const dirHandle = await fsp.open(dir, 'r');
      try {
        await dirHandle.sync();
      } finally {
        await dirHandle.close();
      }
    },
    async close() {},
  };
}

/**
 * The alert part of "Add a watched folder": a webhook (Slack, Teams), mail over SMTP (its password
 * goes to main once and is kept like the API token), the share of rows left out that is too many,
 * and when a file is expected (an interval, or a cron schedule such as every weekday by 09:00).
 */
import { useId, useState } from 'react';
import type { FeedAlertSettings, FeedEmailSettings } from '../../../main/contract/feeds.js';

type Security = FeedEmailSettings['security'];
const PORTS: Record<Security, string> = { starttls: '587', tls: '465', none: '25' };

/** The fields' values and what they make (null: no alerts). */
export function useAlertFields(was?: FeedAlertSettings | null) {
  const [webhookUrl, setWebhookUrl] = useState(was?.webhookUrl ?? '');
  const [mail, setMail] = useState(Boolean(was?.email));
  const [host, setHost] = useState(was?.email?.host ?? '');
  const [security, setSecurity] = useState<Security>(was?.email?.security ?? 'starttls');
  const [port, setPort] = useState(was?.email ? String(was.email.port) : PORTS.starttls);
  const [user, setUser] = useState(was?.email?.user ?? '');
  // A kept password is never sent back: left empty, the one in the vault still serves.
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState(was?.email?.from ?? '');
  const [to, setTo] = useState(was?.email?.to ?? '');
  const [leftOut, setLeftOut] = useState(String(was?.leftOutPercent ?? 1));
  const [expect, setExpect] = useState(was?.expect ?? '');
  const value = (): FeedAlertSettings | null => {
    if (!webhookUrl.trim() && !mail) return null;
    const email: FeedEmailSettings | null = mail
      ? { host: host.trim(), port: Number(port), security, user: user.trim() || null, from: from.trim() || user.trim(), to: to.trim(), ...(password ? { password } : {}) }
      : null;
    return { webhookUrl: webhookUrl.trim() || null, email, leftOutPercent: Number(leftOut), expect: expect.trim() || null };
  };
  const reset = () => setPassword('');
  return { state: { webhookUrl, setWebhookUrl, mail, setMail, host, setHost, security, setSecurity, port, setPort, user, setUser, password, setPassword, from, setFrom, to, setTo, leftOut, setLeftOut, expect, setExpect }, value, reset };
}

/** The fieldset. */
export function FeedAlertFields({ f }: { f: ReturnType<typeof useAlertFields>['state'] }) {
  const id = useId();
  return (
    <fieldset>
      <legend>Alerts</legend>
      <p className="hint">Someone is told when a file fails, is being tried again, leaves out many rows, or does not arrive when expected. Alerts never carry your token or your data.</p>
      <label htmlFor={`${id}-hook`}>Webhook address (Slack or Microsoft Teams incoming webhook)</label>
      <input id={`${id}-hook`} type="url" spellCheck={false} value={f.webhookUrl} onChange={(e) => f.setWebhookUrl(e.target.value)} placeholder="https://hooks.slack.com/services/…" />
      <div className="checkbox">
        <input id={`${id}-mail`} type="checkbox" checked={f.mail} onChange={(e) => f.setMail(e.target.checked)} />
        <label htmlFor={`${id}-mail`}>Send alerts by e-mail</label>
      </div>
      {f.mail && (
        <>
          <label htmlFor={`${id}-to`}>Send alerts to (addresses, separated by commas)</label>
          <input id={`${id}-to`} type="text" value={f.to} onChange={(e) => f.setTo(e.target.value)} />
          <label htmlFor={`${id}-host`}>Mail server (SMTP)</label>
          <input id={`${id}-host`} type="text" spellCheck={false} value={f.host} onChange={(e) => f.setHost(e.target.value)} placeholder="smtp.example.com" />
          <label htmlFor={`${id}-sec`}>Connection</label>
          <select id={`${id}-sec`} value={f.security} onChange={(e) => { const s = e.target.value as Security; f.setSecurity(s); f.setPort(PORTS[s]); }}>
            <option value="starttls">STARTTLS (encrypted, usually port 587)</option>
            <option value="tls">TLS (encrypted, usually port 465)</option>
            <option value="none">Unencrypted (a relay on this computer only)</option>
          </select>
          <label htmlFor={`${id}-port`}>Port</label>
          <input id={`${id}-port`} type="number" min={1} max={65535} value={f.port} onChange={(e) => f.setPort(e.target.value)} />
          <label htmlFor={`${id}-user`}>User (empty: no login)</label>
          <input id={`${id}-user`} type="text" spellCheck={false} autoComplete="off" value={f.user} onChange={(e) => f.setUser(e.target.value)} />
          <label htmlFor={`${id}-pass`}>Password (kept like your API token)</label>
          <input id={`${id}-pass`} type="password" autoComplete="new-password" value={f.password} onChange={(e) => f.setPassword(e.target.value)} />
          <label htmlFor={`${id}-from`}>Sender address (empty: the user)</label>
          <input id={`${id}-from`} type="text" value={f.from} onChange={(e) => f.setFrom(e.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-left`}>Alert when more than this % of a converted file&apos;s rows is left out</label>
      <input id={`${id}-left`} type="number" min={0} max={100} step="any" value={f.leftOut} onChange={(e) => f.setLeftOut(e.target.value)} />
      <label htmlFor={`${id}-expect`}>Expect a file (empty: never checked)</label>
      <input id={`${id}-expect`} type="text" spellCheck={false} value={f.expect} onChange={(e) => f.setExpect(e.target.value)} placeholder="24h, or 0 9 * * 1-5" aria-describedby={`${id}-expect-hint`} />
      <p id={`${id}-expect-hint`} className="hint">
        An interval (<code>24h</code>: at least one file a day) or a cron schedule (<code>0 9 * * 1-5</code>: every weekday by 09:00). No file in time: one alert, and another when files arrive again.
      </p>
    </fieldset>
  );
}

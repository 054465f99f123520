/**
 * `POST /rpc/<channel>` with a JSON array of arguments: answers the services' Result as JSON,
 * exactly what the IPC handler would answer in Electron.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { INVOKE_CHANNELS, type InvokeChannel } from '../contract/channels.js';
import type { Result } from '../contract/result.js';
import type { Handlers } from '../services/create-app-services.js';
import { readBody, sendJson } from './http-replies.js';

/** 1 MiB is far more than any contract argument (a mapping of thousands of columns). */
const MAX_RPC_BODY = 1024 * 1024;

const usage = (message: string): Result<never> => ({ ok: false, error: { code: 'usage', message } });

function isChannel(name: string): name is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(name);
}

/** Handles one RPC call. */
export async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string, handlers: Handlers): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, usage('Use POST for /rpc calls.'));
  if (!isChannel(channel)) return sendJson(res, 404, usage(`There is no channel "${channel}".`));
  const text = await readBody(req, MAX_RPC_BODY);
  if (text === null) return sendJson(res, 413, usage('The request is too large.'));
  let args: unknown;
  try {
    args = text === '' ? [] : JSON.parse(text);
  } catch {
    return sendJson(res, 400, usage('The request body is not JSON.'));
  }
  if (!Array.isArray(args)) return sendJson(res, 400, usage('The request body must be a JSON array of arguments.'));
  sendJson(res, 200, await handlers[channel](...(args as unknown[])));
}

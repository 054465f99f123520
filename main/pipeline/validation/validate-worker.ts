/** Worker thread: checks the batches the main thread posts and posts back each BatchResult. */
import { parentPort, workerData } from 'node:worker_threads';
import { getRecordType } from '../../schemas/record-types.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { validateBatch } from './validate-batch.js';
import type { LineBatch } from './types.js';

const { recordType } = workerData as { recordType: RecordTypeName };
const check = getRecordType(recordType).check;
const decoder = new TextDecoder('utf-8');

parentPort?.on('message', (message: { id: number; batch: LineBatch }) => {
  const result = validateBatch(check, decoder.decode(message.batch.bytes));
  parentPort?.postMessage({ id: message.id, result });
});

/** Worker thread: checks the batches the main thread posts and posts back each BatchResult. */
import { parentPort, workerData } from 'node:worker_threads';
import { getRecordType } from '../../schemas/record-types.js';
import type { RecordTypeName } from '../../schemas/record-type-names.js';
import { validateBatchBytes } from './validate-batch.js';
import type { LineBatch } from './types.js';

const { recordType } = workerData as { recordType: RecordTypeName };
const check = getRecordType(recordType).check;

parentPort?.on('message', (message: { id: number; batch: LineBatch }) => {
  const result = validateBatchBytes(check, message.batch.bytes);
  parentPort?.postMessage({ id: message.id, result });
});

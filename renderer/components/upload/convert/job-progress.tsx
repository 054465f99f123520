/** Progress of a validation or conversion job, read from `jobs:progress` events for its id. */
import { useEffect, useState } from 'react';
import type { JobProgress as Progress } from '../../../../main/contract/jobs.js';
import { useApi } from '../../../api-context.js';
import { formatBytes } from '../../../format/format-bytes.js';

/** A bar and a line count for one running job, with a Stop button. */
export function JobProgress({ jobId, label }: { jobId: string; label: string }) {
  const api = useApi();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => api.jobs.onProgress((p) => p.jobId === jobId && setProgress(p)), [api, jobId]);
  const percent = progress && progress.totalBytes > 0 ? Math.round((progress.bytesRead / progress.totalBytes) * 100) : 0;
  return (
    <div className="job-progress">
      <label htmlFor={`job-${jobId}`}>
        {label}
        {progress ? `: ${progress.lines.toLocaleString()} lines, ${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}` : '…'}
      </label>
      <progress id={`job-${jobId}`} max={100} value={percent} />
      <button type="button" onClick={() => void api.jobs.cancel(jobId)}>Stop</button>
    </div>
  );
}

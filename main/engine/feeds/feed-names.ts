/**
 * Which names in a watched folder are files to send: those matching the feed's
 * patterns, except names that are still being written or are not the person's files.
 */
import picomatch from 'picomatch';

/** The feed's own subfolders, where sent and failed files are moved. */
export const SENT_DIR = 'sent';
export const FAILED_DIR = 'failed';

/**
 * Names a file has while another program still writes it, or that are not data: browsers'
 * partial downloads (.part, .crdownload, .download), temporary files (.tmp, .temp), Office's
 * lock files (~$name), editors' backups (name~), and hidden files (dotfiles, macOS's ._ forks).
 */
const NOT_A_FILE_TO_SEND = [/\.(part|partial|crdownload|download|tmp|temp|swp)$/i, /^~\$/, /~$/, /^\./];

/** A test for names a feed takes: matches one of `patterns` and is not a temporary or hidden name. */
export function createNameFilter(patterns: readonly string[]): (name: string) => boolean {
  const matches = picomatch([...patterns], { nocase: true, dot: false });
  return (name) => !NOT_A_FILE_TO_SEND.some((re) => re.test(name)) && matches(name);
}

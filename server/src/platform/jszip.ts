import type JSZip from 'jszip';

let loading: Promise<typeof JSZip> | undefined;

/**
 * jszip, loaded on first use: only the 案卷 batch download and the enforcement bundle write zips, and loading it at
 * start cost about 14 MiB of every process (docs/decisions/0012-footprint-and-logging.md).
 */
export function jszip(): Promise<typeof JSZip> {
  loading ??= import('jszip').then((m) => m.default);
  return loading;
}

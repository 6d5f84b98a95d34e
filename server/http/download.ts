/**
 * A produced file as a download: its type, its name (Content-Disposition), its length and its bytes.
 * Written with res.end rather than res.send, which would hash the whole file for an ETag on the event
 * loop: a document is never answered from a cache (a POST, or a draft's download marked no-store).
 */
import type { Response } from 'express';

export interface Download {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

export function sendDownload(res: Response, file: Download): void {
  res.attachment(file.name).type(file.type);
  res.setHeader('Content-Length', file.bytes.length);
  res.end(file.bytes);
}

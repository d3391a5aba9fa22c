import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type express from 'express';
import { FileError } from '../file-error';
import { sniffFormat } from '../guard/sniff';
import { JobStore } from '../jobs/job-store';

/** What a multipart upload carried: its form fields and the stored file. */
export interface Upload {
  readonly fields: Readonly<Record<string, string>>;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  readonly format: 'xlsx' | 'csv';
}

/** Why an upload is refused, with the HTTP status to answer; `detail`: what a library said of it (English), for developers. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** Where an upload's bytes go, a chunk at a time: the job's chunks in the database, or a temporary file. */
export interface UploadSink {
  append(seq: number, data: Buffer): Promise<void>;
  /** drops what was stored (the upload was refused) */
  discard(): Promise<void>;
}

/** The job's file, stored in the importer's database where every instance can read it. */
export const jobSink = (store: JobStore, jobId: string): UploadSink => ({ append: (seq, data) => store.appendChunk(jobId, seq, data), discard: () => store.deleteFile(jobId) });

/** A local temporary file (a preview reads it at once and deletes it). */
export const fileSink = (file: string): UploadSink => ({
  append: (_seq, data) => fs.promises.appendFile(file, data),
  discard: () => fs.promises.rm(file, { force: true }),
});

/** Stored chunks of the upload: large enough for few statements, small enough for any packet limit. */
const CHUNK_BYTES = 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Streams a multipart upload (`file` plus form fields) into the importer's database in chunks as
 * it arrives, under the size limit, sniffing the first bytes so a legacy .xls is refused at once.
 * Nothing of the file is held in memory beyond one chunk. On any refusal the stored chunks are
 * deleted.
 */
export function receiveUpload(req: express.Request, store: JobStore, jobId: string, maxBytes: number): Promise<Upload> {
  return receiveUploadTo(req, jobSink(store, jobId), maxBytes);
}

/** Streams a multipart upload into `sink` (see receiveUpload). */
export async function receiveUploadTo(req: express.Request, sink: UploadSink, maxBytes: number): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: Promise<Omit<Upload, 'fields'>> | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 10_000, parts: 30 }, defParamCharset: 'utf8' });
      } catch (e) {
        reject(new UploadError(400, 'NOT_MULTIPART', '上传须为 multipart/form-data，含文件字段 file 与 kind 等字段', (e as Error).message));
        return;
      }
      bb.on('field', (name, value) => {
        fields[name] = value;
      });
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || file) {
          stream.resume();
          return;
        }
        file = storeFile(stream, info.filename || 'upload', sink, maxBytes);
        // handled when the form ends; this keeps an early refusal from being an unhandled rejection
        file.catch(() => undefined);
      });
      bb.on('close', () => resolve());
      bb.on('error', (e: Error) => reject(new UploadError(400, 'BAD_MULTIPART', '上传的表单不完整或格式有误，无法解析：请重新上传', e.message)));
      req.on('aborted', () => reject(new UploadError(400, 'UPLOAD_ABORTED', '上传中断')));
      req.pipe(bb);
    });
    if (!file) throw new UploadError(400, 'FILE_REQUIRED', '请在表单字段 file 中上传 .xlsx 或 .csv 文件');
    return { fields, ...(await file) };
  } catch (e) {
    await sink.discard();
    if (e instanceof FileError) throw new UploadError(e.code === 'UPLOAD_TOO_LARGE' ? 413 : 415, e.code, e.message);
    throw e;
  }
}

function storeFile(stream: Readable & { truncated?: boolean }, fileName: string, sink: UploadSink, maxBytes: number): Promise<Omit<Upload, 'fields'>> {
  const hash = createHash('sha256');
  let size = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let format: 'xlsx' | 'csv' | undefined;
  let failed: unknown;
  let tooLarge = false;
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await sink.append(seq++, data);
  };
  return new Promise((resolve, reject) => {
    stream.on('limit', () => {
      tooLarge = true;
    });
    // after a refusal the rest of the file is read and dropped, so the form can end cleanly
    stream.on('data', (buf: Buffer) => {
      if (failed || tooLarge) return;
      try {
        if (!format && pendingBytes + buf.length >= 8) format = sniffFormat(Buffer.concat([...pending, buf]).subarray(0, 8192), fileName);
      } catch (e) {
        failed = e;
        return;
      }
      size += buf.length;
      hash.update(buf);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) {
        stream.pause();
        writing = writing.then(flush).then(
          () => void stream.resume(),
          (e: unknown) => {
            failed = e;
            stream.resume();
          },
        );
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      void (async () => {
        await writing;
        if (failed) throw failed;
        if (tooLarge || stream.truncated) throw new FileError('UPLOAD_TOO_LARGE', `文件超过 ${Math.round(maxBytes / MB)} MB 的上限：请分成几个文件上传`);
        if (size === 0) throw new FileError('EMPTY_FILE', `“${fileName}”是空文件`);
        format ??= sniffFormat(Buffer.concat(pending), fileName);
        await flush();
        return { fileName, size, sha256: hash.digest('hex'), format };
      })().then(resolve, reject);
    });
  });
}

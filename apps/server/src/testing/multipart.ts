import { randomUUID } from 'node:crypto';

/** A multipart/form-data body with one file part, for upload tests and matrix rows. */
export function multipartFile(
  fileName: string,
  mediaType: string,
  content: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----throughline${randomUUID().replace(/-/g, '')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The smallest bytes that pass each sniffer. */
export const SAMPLE_MP3 = Buffer.concat([
  Buffer.from('ID3\x04\x00\x00', 'latin1'),
  Buffer.alloc(64),
]);

/**
 * Base64 of bytes or UTF-8 text, without Node's Buffer: this package is pure and also runs in
 * the browser (the web app imports it). Chunked so a PDF of megabytes does not overflow the stack.
 */
export function toBase64(content: Uint8Array | string): string {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The inverse: UTF-8 text from base64 (for reading an imported attachment). */
export function fromBase64Text(data: string): string {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}

/**
 * Raw DEFLATE (RFC 1951) through the platform's CompressionStream (Chrome 103+, Firefox 113+, Node 20): the
 * synced state is compressed before it is encrypted, because ciphertext does not compress.
 */

/** Inflating stops here: an authentic record is at most ~100 KB compressed, its state a few MB at the very most. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

async function collect(
  readable: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = readable.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function run(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const writer = stream.writable.getWriter();
  // Written without awaiting: the readable side must be drained at the same time, or back-pressure stalls.
  const written = writer
    .write(new Uint8Array(bytes))
    .then(() => writer.close())
    .catch(() => undefined);
  const out = await collect(stream.readable as ReadableStream<Uint8Array>, limit);
  await written;
  return out;
}

/** Raw DEFLATE of `bytes`. */
export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const out = await run(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  if (out === null) throw new Error('compression failed');
  return out;
}

/** Inverse of `deflateRaw`; null for data that is not raw DEFLATE or that inflates beyond `limit` bytes. */
export async function inflateRaw(
  bytes: Uint8Array,
  limit = MAX_INFLATED_BYTES,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return await run(bytes, new DecompressionStream('deflate-raw'), limit);
  } catch {
    return null;
  }
}

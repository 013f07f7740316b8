/**
 * A response body that makes the next chunk only when the client has taken the last one
 * (pull with a high-water mark of one chunk), so a slow download holds one page in memory.
 * A cancelled download stops the generator, which stops the database paging.
 */
export function byteStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          console.error('an export stopped while streaming:', error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

/** One request the staff screens made. */
export type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

/** A server that answers by method and path, and remembers what it was asked. */
export function fakeServer(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>, ...(typeof init?.body === 'string' ? { body: init.body } : {}) };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return { calls, fetcher };
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

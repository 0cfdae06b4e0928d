/**
 * What a server's JSON log says about the requests it failed: each error's message (the database's own
 * words when a query failed) with the endpoint of the request that hit it, counted.
 */
export type TServerError = { endpoint: string; message: string; count: number };

type TLine = {
  level?: number;
  reqId?: string;
  method?: string;
  route?: string;
  status?: number;
  msg?: string;
  err?: { message?: string; stack?: string };
};

function messageOf(l: TLine): string {
  const stack = l.err?.stack ?? '';
  const cause = /caused by: (?:error: )?([^\n]+)/.exec(stack)?.[1];
  return (cause ?? l.err?.message?.split('\n')[0] ?? l.msg ?? 'unknown').slice(0, 300);
}

export function errorCollector(): { onLine: (line: string) => void; errors: () => TServerError[] } {
  const messages = new Map<string, string>();
  const endpoints = new Map<string, string>();
  const unmatched: string[] = [];
  return {
    onLine(line) {
      if (!line.startsWith('{')) return;
      let l: TLine;
      try {
        l = JSON.parse(line) as TLine;
      } catch {
        return;
      }
      if ((l.level ?? 0) >= 50) {
        if (l.reqId) messages.set(l.reqId, messageOf(l));
        else unmatched.push(messageOf(l));
      } else if (l.reqId && (l.status ?? 0) >= 500) endpoints.set(l.reqId, `${l.method} ${l.route} → ${l.status}`);
    },
    errors() {
      const counts = new Map<string, TServerError>();
      const add = (endpoint: string, message: string) => {
        const key = `${endpoint}\n${message}`;
        const found = counts.get(key) ?? { endpoint, message, count: 0 };
        found.count++;
        counts.set(key, found);
      };
      for (const [reqId, message] of messages) add(endpoints.get(reqId) ?? '(no request line)', message);
      for (const [reqId, endpoint] of endpoints) if (!messages.has(reqId)) add(endpoint, '(no error line)');
      for (const message of unmatched) add('(outside a request)', message);
      return [...counts.values()].sort((a, b) => b.count - a.count);
    },
  };
}

// The dashboard's live feed: metrics-service's server-sent events, read with fetch because EventSource cannot send
// the token. Reconnects after a drop; says how it stands for the page to show.
import {fetchSigned} from './http.js';

const RETRY_MS = 3000;

/**
 * Calls `changed()` whenever a district's figures changed, and `status(connected)` when the connection comes and
 * goes. Answers a function that stops listening.
 */
export function listenForChanges(changed, status) {
  const stop = new AbortController();
  (async () => {
    while (!stop.signal.aborted) {
      try {
        const answer = await fetchSigned('/api/v1/dashboard/stream',
          {signal: stop.signal, headers: {Accept: 'text/event-stream'}});
        if (!answer.ok) {
          throw new Error(String(answer.status));
        }
        status(true);
        const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const {value, done} = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event:\s*districts\s*$/m.test(message)) {
              changed();
            }
          }
        }
      } catch {
        if (stop.signal.aborted) {
          return;
        }
      }
      status(false);
      await new Promise(resolve => setTimeout(resolve, RETRY_MS));
    }
  })();
  return () => stop.abort();
}

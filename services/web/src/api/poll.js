// A long operation on the server (a registry import, a statistics rebuild) is followed by asking again every
// second while it runs: the page shows its progress without anyone reloading.

/**
 * Calls `load` now and every `everyMs` while `running(answer)` holds; an answer that says it is over stops it.
 * Answers a function that stops it early (when the page is left).
 */
export function pollWhile(load, running, everyMs = 1000) {
  let timer = null;
  let stopped = false;
  async function tick() {
    timer = null;
    const answer = await load();
    if (!stopped && running(answer)) {
      timer = setTimeout(tick, everyMs);
    }
  }
  tick();
  return () => {
    stopped = true;
    if (timer) {
      clearTimeout(timer);
    }
  };
}

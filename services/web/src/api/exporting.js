// An export (Excel, CSV) as a page runs it: the file is made on the server and streamed; while it comes the page
// says so, and how much has arrived, so nobody clicks again thinking nothing happened.
import {reactive} from 'vue';
import {download} from './http.js';

/** How much of an export has arrived, as a person reads it: "已接收 1.2 MB（45%）". */
export function progressText({received, total}) {
  if (!received) {
    return '正在生成导出文件…';
  }
  const size = received < 1024 * 1024 ? `${Math.max(1, Math.round(received / 1024))} KB`
    : `${(received / 1024 / 1024).toFixed(1)} MB`;
  return total ? `已接收 ${size}（${Math.min(100, Math.floor(received * 100 / total))}%）` : `已接收 ${size}`;
}

/**
 * A page's exports: `run(href)` downloads one (one at a time), `state.busy` and `state.text` say how it goes.
 * A refusal is thrown for the page to show as it shows its other errors.
 */
export function useExport() {
  const state = reactive({busy: false, text: ''});
  async function run(href) {
    if (state.busy) {
      return;
    }
    state.busy = true;
    state.text = progressText({received: 0});
    try {
      await download(href, progress => {
        state.text = progressText(progress);
      });
    } finally {
      state.busy = false;
      state.text = '';
    }
  }
  return {state, run};
}

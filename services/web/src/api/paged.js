// A list read one page at a time from an API answering {items, total}: what every list page shares — the page
// it is on, whether it is loading, and a failure shown as the problem's Chinese text.
import {reactive, ref} from 'vue';
import {ElMessage} from 'element-plus';

/**
 * @param fetchPage (pageIndex from 0, size) → a promise of {items, total}
 */
export function usePaged(fetchPage, size = 20) {
  const page = reactive({items: [], total: 0, page: 1, size});
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      const found = await fetchPage(page.page - 1, page.size);
      page.items = found.items;
      page.total = found.total;
    } catch (e) {
      ElMessage.error(e.message);
    } finally {
      loading.value = false;
    }
  }

  /** From the first page again: the filters or the tab changed. */
  function reload() {
    page.page = 1;
    return load();
  }

  return {page, loading, load, reload};
}

// Whether the page is on a phone-sized screen, for components that lay themselves out differently there.
import {onBeforeUnmount, ref} from 'vue';

/** A ref that is true while the viewport is at most `maxWidth` px wide, following rotation and resizing. */
export function useNarrowScreen(maxWidth = 640) {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`);
  const narrow = ref(query.matches);
  const follow = event => (narrow.value = event.matches);
  query.addEventListener('change', follow);
  onBeforeUnmount(() => query.removeEventListener('change', follow));
  return narrow;
}

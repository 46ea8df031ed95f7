// Areas of the grid registry by code, with their names as intake has them.
import {ref} from 'vue';
import {call} from './http.js';

/** `codes` with their names, the code standing in until (or unless) the name arrives. */
export function useAreaNames(codes) {
  const areas = ref(codes.map(code => ({code, name: code})));
  Promise.all(codes.map(code => call('intake', `/api/v1/areas/${code}`)
    .then(a => ({code, name: a.name}))
    .catch(() => ({code, name: code}))))
    .then(named => {
      areas.value = named;
    });
  return areas;
}

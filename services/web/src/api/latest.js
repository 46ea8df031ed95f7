// A page that loads again whenever a choice changes draws only its latest load: an earlier load that answers later
// (a district takes longer than a street) must not overwrite what was chosen since.

/** A counter of loads: `begin()` at each load's start gives a check that says whether that load is still the latest. */
export function latestLoads() {
  let count = 0;
  return {
    begin() {
      const mine = ++count;
      return () => mine === count;
    },
  };
}

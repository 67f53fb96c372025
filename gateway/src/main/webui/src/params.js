// The search page's state lives in the URL hash (#/search?q=...&entity=...), so every search is a link that can be
// bookmarked, shared and navigated with Back. These pure functions translate it to the API's query parameters.

const SINGLE = ['q', 'type', 'language', 'from', 'to', 'sort'];
const MULTI = ['entity', 'source'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the search state from URL parameters, dropping values the API would refuse. */
export function readSearch(params) {
  const state = { page: 1 };
  for (const key of SINGLE) {
    const v = (params.get(key) ?? '').trim();
    if (v) {
      state[key] = v.slice(0, 500);
    }
  }
  for (const key of MULTI) {
    state[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))].slice(0, 10);
  }
  for (const key of ['from', 'to']) {
    if (state[key] && !DATE.test(state[key])) {
      delete state[key];
    }
  }
  if (state.sort && !['relevance', 'date'].includes(state.sort)) {
    delete state.sort;
  }
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1;
  return state;
}

/** Writes a search state back to URL parameters (page 1 is left out). */
export function writeSearch(state) {
  const params = new URLSearchParams();
  for (const key of SINGLE) {
    if (state[key]) {
      params.set(key, state[key]);
    }
  }
  for (const key of MULTI) {
    for (const v of state[key] ?? []) {
      params.append(key, v);
    }
  }
  if (state.page && state.page > 1) {
    params.set('page', String(state.page));
  }
  return params;
}

/** The API query for a state: the same names, plus the page size. */
export function apiQuery(state, size) {
  const params = writeSearch(state);
  params.set('size', String(size));
  return params;
}

/** A copy of the state with one change, back on page 1 (any filter change restarts paging). */
export function withChange(state, change) {
  return { ...state, entity: [...(state.entity ?? [])], source: [...(state.source ?? [])], ...change, page: change.page ?? 1 };
}

export function toggle(list, value) {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

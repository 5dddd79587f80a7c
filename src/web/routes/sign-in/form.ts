// Moved to web/forms.ts, for every page: this stays only until check/ imports from there.
export { errorList, page, safeNext, type Errors } from '../../forms.ts';

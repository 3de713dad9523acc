import { normalizeDeep } from '@toasoan/shared';
import { isAppContentType } from '../utils/content-types';
import {
  replaceData,
  scopedMiddleware,
  WRITE_ACTIONS,
  writeParamsOf,
} from '../utils/document-middleware';

// Vietnamese typed on macOS or pasted from some word processors arrives decomposed (NFD): it
// looks the same but breaks search, slugs, uniqueness and enumeration values ("Bài, ảnh").
export const normalizeText = scopedMiddleware(
  { uids: isAppContentType, actions: WRITE_ACTIONS },
  async (context, next) => {
    const { data } = writeParamsOf(context);
    if (data) replaceData(context, normalizeDeep(data));
    return next();
  },
);

import { cmsEnv } from '@toasoan/shared';

/**
 * The CMS's settings, checked against its schema (`cmsEnv` in @toasoan/shared, which also lists
 * them for .env.example): a wrong value stops Strapi with a message naming it. Read afresh at each
 * call, since tests boot Strapi several times in one process with different settings.
 */
export const readCmsEnv = () => cmsEnv.parse(process.env);

import { cmsEnv } from '@toasoan/shared';

// Read afresh at each call: tests boot Strapi several times in one process with other settings.
export const readCmsEnv = () => cmsEnv.parse(process.env);

import type { Core } from '@strapi/strapi';
import { uploadSizeLimit } from './plugins';

const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // Refused uploads are explained in Vietnamese: the journalist sees the message in the admin.
  'global::upload-errors',
  // A file over the upload limit is refused while it arrives (413), not after it is stored.
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploadSizeLimit() } } },
  // Uploads are pictures by their content, whatever their name says.
  'global::picture-uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

import type { Schema, Struct } from '@strapi/strapi';

export interface ArticleCredit extends Struct.ComponentSchema {
  collectionName: 'components_article_credits';
  info: {
    description: 'M\u1ED9t d\u00F2ng k\u00FD t\u00EAn: vai tr\u00F2 v\u00E0 t\u00E1c gi\u1EA3';
    displayName: 'T\u00E1c gi\u1EA3 b\u00E0i';
    icon: 'user';
  };
  attributes: {
    author: Schema.Attribute.Relation<'oneToOne', 'api::author.author'>;
    role: Schema.Attribute.Enumeration<
      [
        'B\u00E0i',
        '\u1EA2nh',
        'B\u00E0i, \u1EA3nh',
        'Tin',
        'Video',
        '\u0110\u1ED3 h\u1ECDa',
        'Theo',
      ]
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'B\u00E0i'>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'article.credit': ArticleCredit;
    }
  }
}

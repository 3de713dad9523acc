import { describe, expect, it } from 'vitest';
import { toQueryString } from './query';

describe('toQueryString', () => {
  it('writes nested populate trees and arrays in the bracket form Strapi parses', () => {
    const query = toQueryString({
      fields: ['title', 'slug'],
      populate: { credits: { populate: { author: { fields: ['name'] } } } },
      sort: ['publicationTime:desc'],
      pagination: { page: 2, pageSize: 100 },
    });
    expect(decodeURIComponent(query).split('&')).toEqual([
      'fields[0]=title',
      'fields[1]=slug',
      'populate[credits][populate][author][fields][0]=name',
      'sort[0]=publicationTime:desc',
      'pagination[page]=2',
      'pagination[pageSize]=100',
    ]);
  });
});

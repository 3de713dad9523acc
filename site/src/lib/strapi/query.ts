/** A Strapi REST query as a plain object: fields, populate trees, sort, pagination. */
export type StrapiQuery = { [key: string]: StrapiQueryValue };
type StrapiQueryValue = string | number | boolean | readonly StrapiQueryValue[] | StrapiQuery;

/** As Strapi's `qs` parser reads it: `populate[cover][fields][0]=url`. */
export function toQueryString(query: StrapiQuery): string {
  const params = new URLSearchParams();
  const append = (key: string, value: StrapiQueryValue): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => append(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) append(`${key}[${child}]`, item);
    } else {
      params.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(query)) append(key, value);
  return params.toString();
}

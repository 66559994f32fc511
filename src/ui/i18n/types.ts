// The shape every translation must have: the English resource's keys, with string values. A
// translation may leave out `_one` plural forms (Chinese has only `_other`), nothing else, so a
// key added to English and forgotten in Chinese is a compile error.

/** The English resource's shape with every leaf widened to string and `*_one` keys optional. */
export type TranslationOf<T> = T extends string
  ? string
  : { readonly [K in keyof T as K extends `${string}_one` ? never : K]: TranslationOf<T[K]> } & {
      readonly [K in keyof T as K extends `${string}_one` ? K : never]?: TranslationOf<T[K]>;
    };

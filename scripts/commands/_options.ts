/** commander's accumulator for repeatable flags (`--tag a=1 --tag b=2`); no default, so help prints none. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

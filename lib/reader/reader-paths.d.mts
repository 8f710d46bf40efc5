export function isReaderPath(pathname: string): boolean;

/** Lexer's API, the default everywhere (FILE_UPLOAD_API.md, "Two calls"). */
export const DEFAULT_API_URL = 'https://api.lexer.io';

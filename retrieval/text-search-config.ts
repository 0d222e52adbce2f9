/**
 * SQL for the Postgres text-search configuration of a locale given as the
 * parameter `$n`; 'simple' (no stemming) where no stemmer is configured.
 * Must match the generated `chunks.search_vector` column.
 */
export function textSearchConfigSql(parameter: string): string {
  return `(CASE ${parameter} WHEN 'en' THEN 'english' WHEN 'nl' THEN 'dutch' ELSE 'simple' END)::regconfig`;
}

import ts from 'typescript';

/**
 * The one way a use-case refuses (docs/decisions/0027-one-way-to-refuse.md), checked on the source:
 * - inside a `txOrThrow` callback a refusal is returned (or, after a write, passed to rollback()), never
 *   thrown: a throw rolls back the audit event the refusal wrote, so the denial would leave no trace;
 * - a CASL check that refuses goes through authorize(), which audits it under the use-case's action and
 *   picks 403 or 404: `if (!ability.can(…)) throw new AppError('FORBIDDEN')` is not on the record;
 * - AppError is the only error a feature makes: no home-made refusal classes.
 */
export function refusalFindings(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const appError = (e: ts.Expression | undefined): string | null => {
    let x = e;
    // `new AppError(…).recorded()` is still an AppError
    while (x && ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression)) x = x.expression.expression;
    if (!x || !ts.isNewExpression(x) || !ts.isIdentifier(x.expression) || x.expression.text !== 'AppError') return null;
    const first = x.arguments?.[0];
    return first && ts.isStringLiteral(first) ? first.text : '?';
  };
  const refuses = (s: ts.Statement, code: string): boolean => {
    if (ts.isBlock(s)) return s.statements.some((t) => refuses(t, code));
    return (ts.isThrowStatement(s) || ts.isReturnStatement(s)) && appError(s.expression) === code;
  };
  const callsCan = (e: ts.Node): boolean =>
    (ts.isCallExpression(e) &&
      ts.isPropertyAccessExpression(e.expression) &&
      ['can', 'cannot'].includes(e.expression.name.text)) ||
    (ts.forEachChild(e, (c) => (callsCan(c) ? true : undefined)) ?? false);

  const visit = (node: ts.Node, inTx: boolean) => {
    if (ts.isThrowStatement(node) && inTx && appError(node.expression))
      out.push(`${at(node)}: throws inside txOrThrow (return the refusal, or rollback() after a write)`);
    if (ts.isIfStatement(node) && callsCan(node.expression) && refuses(node.thenStatement, 'FORBIDDEN'))
      out.push(`${at(node)}: refuses on a bare ability check (use authorize(), which audits the denial)`);
    if (ts.isClassDeclaration(node) && node.heritageClauses?.some((h) => /\bError\b/.test(h.getText(sf))))
      out.push(`${at(node)}: declares ${node.name?.text ?? 'an error class'} (AppError is the one error type)`);
    const txCallback =
      ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'txOrThrow'
        ? node.arguments[1]
        : undefined;
    ts.forEachChild(node, (child) =>
      // The callback and the arrows it passes along (a .map) run in the transaction; a function declared
      // inside it runs wherever it is called.
      visit(child, child === txCallback ? true : ts.isFunctionDeclaration(child) ? false : inTx),
    );
  };
  visit(sf, false);
  return out;
}

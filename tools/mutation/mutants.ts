/**
 * The mutants of one source file: small, realistic faults a test suite should notice. Each is a
 * single text replacement found on the TypeScript syntax tree, so comments and types are never
 * touched.
 */
import ts from 'typescript';

export interface Mutant {
  file: string;
  line: number;
  operator: string;
  /** The code replaced, and what replaced it. */
  original: string;
  replacement: string;
  start: number;
  end: number;
}

/** Binary operators and what each becomes: [operator name, replacement]. */
const FLIPPED: Partial<Record<ts.SyntaxKind, [string, string]>> = {
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: ['comparison', '!=='],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: ['comparison', '==='],
  [ts.SyntaxKind.EqualsEqualsToken]: ['comparison', '!='],
  [ts.SyntaxKind.ExclamationEqualsToken]: ['comparison', '=='],
  [ts.SyntaxKind.LessThanToken]: ['comparison', '>='],
  [ts.SyntaxKind.LessThanEqualsToken]: ['comparison', '>'],
  [ts.SyntaxKind.GreaterThanToken]: ['comparison', '<='],
  [ts.SyntaxKind.GreaterThanEqualsToken]: ['comparison', '<'],
  [ts.SyntaxKind.AmpersandAmpersandToken]: ['logical', '||'],
  [ts.SyntaxKind.BarBarToken]: ['logical', '&&'],
};

/** Text shown to the user in the editor, not behaviour: changing it is for review, not for tests. */
const DISPLAY_KEYS = new Set(['label', 'helpText', 'description', 'placeholder', 'noun', 'important', 'hidden']);

function isInType(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isTypeNode(current) || ts.isInterfaceDeclaration(current) || ts.isTypeAliasDeclaration(current)) return true;
    if (ts.isImportDeclaration(current) || ts.isExportDeclaration(current) || ts.isExternalModuleReference(current)) return true;
  }
  return false;
}

function isDisplayText(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return DISPLAY_KEYS.has(parent.name.text);
  return ts.isElementAccessExpression(parent) || ts.isLiteralTypeNode(parent) || ts.isComputedPropertyName(parent);
}

/** Every mutant of `source` (a file's text), in the order of the text. */
export function mutantsOf(file: string, source: string): Mutant[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Mutant[] = [];
  const add = (node: ts.Node, operator: string, replacement: string, start = node.getStart(tree), end = node.getEnd()) => {
    found.push({
      file,
      line: tree.getLineAndCharacterOfPosition(start).line + 1,
      operator,
      original: source.slice(start, end),
      replacement,
      start,
      end,
    });
  };

  const visit = (node: ts.Node): void => {
    if (isInType(node)) return;
    if (ts.isBinaryExpression(node)) {
      const flipped = FLIPPED[node.operatorToken.kind];
      if (flipped) add(node.operatorToken, ...flipped);
    } else if (node.kind === ts.SyntaxKind.TrueKeyword) {
      add(node, 'boolean', 'false');
    } else if (node.kind === ts.SyntaxKind.FalseKeyword) {
      add(node, 'boolean', 'true');
    } else if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      add(node, 'negation', `(${node.operand.getText(tree)})`);
    } else if (ts.isIfStatement(node) || ts.isConditionalExpression(node)) {
      const condition = ts.isIfStatement(node) ? node.expression : node.condition;
      add(condition, 'condition', 'true');
      add(condition, 'condition', 'false');
    } else if (ts.isNumericLiteral(node)) {
      add(node, 'number', String(Number(node.text) + 1));
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isDisplayText(node)) {
      add(node, 'string', node.text === '' ? "'mutated'" : "''");
    } else if ((ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isThrowStatement(node)) && ts.isBlock(node.parent)) {
      add(node, 'statement', ';');
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** `source` with one mutant applied. */
export function applied(source: string, mutant: Mutant): string {
  return `${source.slice(0, mutant.start)}${mutant.replacement}${source.slice(mutant.end)}`;
}

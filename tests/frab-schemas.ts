// C3VOC's published schemas of schedule.xml and schedule.json (vendored in
// tests/schemas/, see its README) as validators, so the tests judge our export
// by the rules its consumers check, not by our own reading of them: libxml2
// (compiled to WebAssembly, the same library as voc's xmllint-based validator)
// for the XSD, Ajv for the JSON schema. Each returns the list of problems,
// empty when the document is valid.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import { XmlDocument, XmlValidateError, XsdValidator } from "libxml2-wasm";

const schemaFile = (name: string) => readFileSync(new URL(`./schemas/${name}`, import.meta.url), "utf8");

let xsd: XsdValidator | undefined;

export function scheduleXmlProblems(xml: string): string[] {
  xsd ??= XsdValidator.fromDoc(XmlDocument.fromString(schemaFile("schedule.xml.xsd")));
  const document = XmlDocument.fromString(xml);
  try {
    xsd.validate(document);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    // libxml2 follows each failed facet with a warning that it has no value to compare; only the failures say anything.
    return error.details.filter((detail) => !/No precomputed value available/.test(detail.message)).map((detail) => `${detail.xpath ?? ""}: ${detail.message.trim()}`);
  } finally {
    document.dispose();
  }
}

// The schema is draft-06 and uses two keywords only as notes ("$oneOf" is an
// alternative its authors switched off, "$todo" a reminder); they are declared
// so that strict mode still catches a keyword Ajv does not know.
// "color" is voc's own format: a hex colour, as its XSD's hexColor spells it.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
ajv.addMetaSchema(createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json") as object);
addFormats(ajv);
ajv.addFormat("color", /^#[0-9a-fA-F]{6}$/);
ajv.addVocabulary(["$oneOf", "$todo"]);
const scheduleJson = ajv.compile(JSON.parse(schemaFile("schedule.schema.json")) as object);

export function scheduleJsonProblems(document: unknown): string[] {
  if (scheduleJson(document)) return [];
  return (scheduleJson.errors ?? []).map((error: ErrorObject) => `${error.instancePath || "/"}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
}

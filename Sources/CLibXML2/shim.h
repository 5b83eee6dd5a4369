#ifndef DRAFTFLOW_CLIBXML2_SHIM_H
#define DRAFTFLOW_CLIBXML2_SHIM_H
/* libxml2's HTML parser: an e-mail's HTML body is reduced to text with it (MailCore/HTMLText.swift).
   Debian builds libxml2 with ICU, whose headers clash with the ICU inside Foundation (UErrorCode
   defined twice): DraftFlow never calls libxml2's encoding handlers, so ICU is left out here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif

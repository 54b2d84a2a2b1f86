// libxml2 (Debian: libxml2-dev), used to check that every written page and SVG is well-formed.
// ICU support is switched off before the headers are read: its module clashes with Foundation's.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

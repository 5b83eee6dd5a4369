#ifndef DRAFTFLOW_CGMIME_SHIM_H
#define DRAFTFLOW_CGMIME_SHIM_H
#include <dlfcn.h>
#include <stddef.h>
#include <gmime/gmime.h>

/* GMime is not linked into draftflow: it is loaded with dlopen at the first message read
   (MailCore's `GMime.functions`), so that a command that reads no mail does not load it and the
   fifteen libraries it brings (GIO, GObject, GLib, GPGME, libmount, ...) at every start. The
   declarations are GMime's own: each field's type is the type of GMime's function of that name,
   taken from its header; only the address comes from dlsym. */
#define DRAFTFLOW_GMIME_FUNCTIONS(X) \
    X(g_mime_init) \
    X(g_mime_stream_mem_new) \
    X(g_mime_stream_mem_new_with_buffer) \
    X(g_mime_stream_mem_get_byte_array) \
    X(g_mime_stream_mem_get_type) \
    X(g_mime_parser_new_with_stream) \
    X(g_mime_parser_set_format) \
    X(g_mime_parser_eos) \
    X(g_mime_parser_construct_message) \
    X(g_mime_parser_tell) \
    X(g_mime_parser_get_headers_begin) \
    X(g_mime_parser_get_headers_end) \
    X(g_mime_parser_get_mbox_marker_offset) \
    X(g_mime_object_get_header_list) \
    X(g_mime_object_get_content_type) \
    X(g_mime_object_write_to_stream) \
    X(g_mime_header_list_get_count) \
    X(g_mime_header_list_get_header_at) \
    X(g_mime_header_get_name) \
    X(g_mime_header_get_value) \
    X(g_mime_message_get_from) \
    X(g_mime_message_get_date) \
    X(g_mime_message_get_mime_part) \
    X(g_mime_message_get_subject) \
    X(g_mime_message_get_message_id) \
    X(g_mime_message_get_type) \
    X(g_mime_multipart_get_count) \
    X(g_mime_multipart_get_part) \
    X(g_mime_multipart_get_type) \
    X(g_mime_content_type_get_mime_type) \
    X(g_mime_message_part_get_message) \
    X(g_mime_message_part_get_type) \
    X(g_mime_part_get_filename) \
    X(g_mime_part_get_content) \
    X(g_mime_part_is_attachment) \
    X(g_mime_part_get_type) \
    X(g_mime_text_part_get_text) \
    X(g_mime_text_part_get_type) \
    X(g_mime_data_wrapper_write_to_stream) \
    X(g_mime_utils_header_decode_date) \
    X(internet_address_list_length) \
    X(internet_address_list_get_address) \
    X(internet_address_get_name) \
    X(internet_address_mailbox_get_addr) \
    X(internet_address_mailbox_get_type) \
    X(internet_address_group_get_members) \
    X(internet_address_group_get_type) \
    X(g_type_check_instance_is_a) \
    X(g_object_unref) \
    X(g_free) \
    X(g_date_time_to_unix) \
    X(g_date_time_unref)

#define DRAFTFLOW_GMIME_FIELD(name) __typeof__(&name) _Nonnull name;
/* The functions of GMime (and of the GObject and GLib it brings) that MailCore calls. */
typedef struct {
    DRAFTFLOW_GMIME_FUNCTIONS(DRAFTFLOW_GMIME_FIELD)
} DraftflowGMime;
#undef DRAFTFLOW_GMIME_FIELD

/* GMime's soname, as Debian's libgmime-3.0-0 installs it. */
#define DRAFTFLOW_GMIME_SONAME "libgmime-3.0.so.0"

/* Loads GMime and fills `functions` with its functions. NULL when every one was found; else what
   failed: dlerror's text when the library could not be loaded, or the name of a function it
   lacks. */
static inline const char *_Nullable draftflow_gmime_load(DraftflowGMime *_Nonnull functions) {
    void *handle = dlopen(DRAFTFLOW_GMIME_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *error = dlerror();
        return error != NULL ? error : DRAFTFLOW_GMIME_SONAME " could not be loaded";
    }
#define DRAFTFLOW_GMIME_LOAD(name) \
    if ((*(void **)&functions->name = dlsym(handle, #name)) == NULL) return #name;
    DRAFTFLOW_GMIME_FUNCTIONS(DRAFTFLOW_GMIME_LOAD)
#undef DRAFTFLOW_GMIME_LOAD
    return NULL;
}

/* GMime's type checks and casts are GObject macros, which Swift cannot call and which would call
   GObject directly: these do what G_TYPE_CHECK_INSTANCE_TYPE does, through the loaded functions.
   Each returns NULL when the object is not of that type. */
static inline int draftflow_gmime_is_a(const DraftflowGMime *_Nonnull functions, const void *_Nullable object, GType type) {
    const GTypeInstance *instance = (const GTypeInstance *)object;
    if (instance == NULL) return 0;
    if (instance->g_class != NULL && instance->g_class->g_type == type) return 1;
    return functions->g_type_check_instance_is_a((GTypeInstance *)instance, type) ? 1 : 0;
}
static inline GMimeMultipart *_Nullable draftflow_gmime_as_multipart(const DraftflowGMime *_Nonnull functions, GMimeObject *_Nullable object) {
    return draftflow_gmime_is_a(functions, object, functions->g_mime_multipart_get_type()) ? (GMimeMultipart *)object : NULL;
}
static inline GMimePart *_Nullable draftflow_gmime_as_part(const DraftflowGMime *_Nonnull functions, GMimeObject *_Nullable object) {
    return draftflow_gmime_is_a(functions, object, functions->g_mime_part_get_type()) ? (GMimePart *)object : NULL;
}
static inline GMimeTextPart *_Nullable draftflow_gmime_as_text_part(const DraftflowGMime *_Nonnull functions, GMimeObject *_Nullable object) {
    return draftflow_gmime_is_a(functions, object, functions->g_mime_text_part_get_type()) ? (GMimeTextPart *)object : NULL;
}
static inline GMimeMessagePart *_Nullable draftflow_gmime_as_message_part(const DraftflowGMime *_Nonnull functions, GMimeObject *_Nullable object) {
    return draftflow_gmime_is_a(functions, object, functions->g_mime_message_part_get_type()) ? (GMimeMessagePart *)object : NULL;
}
static inline InternetAddressMailbox *_Nullable draftflow_gmime_as_mailbox(const DraftflowGMime *_Nonnull functions, InternetAddress *_Nullable address) {
    return draftflow_gmime_is_a(functions, address, functions->internet_address_mailbox_get_type()) ? (InternetAddressMailbox *)address : NULL;
}
static inline InternetAddressGroup *_Nullable draftflow_gmime_as_group(const DraftflowGMime *_Nonnull functions, InternetAddress *_Nullable address) {
    return draftflow_gmime_is_a(functions, address, functions->internet_address_group_get_type()) ? (InternetAddressGroup *)address : NULL;
}
/* A memory stream's own type (GMIME_STREAM_MEM); NULL when it is another stream. */
static inline GMimeStreamMem *_Nullable draftflow_gmime_as_stream_mem(const DraftflowGMime *_Nonnull functions, GMimeStream *_Nullable stream) {
    return draftflow_gmime_is_a(functions, stream, functions->g_mime_stream_mem_get_type()) ? (GMimeStreamMem *)stream : NULL;
}
/* GMIME_OBJECT of a message or a part: both are GMimeObjects, by GObject's single inheritance. */
static inline GMimeObject *_Nonnull draftflow_gmime_message_object(GMimeMessage *_Nonnull message) {
    return (GMimeObject *)message;
}
static inline GMimeObject *_Nonnull draftflow_gmime_part_object(GMimePart *_Nonnull part) {
    return (GMimeObject *)part;
}
#endif

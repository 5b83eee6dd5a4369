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
/* draftflow_gmime_as_NAME(functions, object): `object` as a TYPE, or NULL when it is not one (of
   GET_TYPE's type or a subtype). */
#define DRAFTFLOW_GMIME_AS(NAME, TYPE, FROM, GET_TYPE) \
    static inline TYPE *_Nullable draftflow_gmime_as_##NAME(const DraftflowGMime *_Nonnull functions, FROM *_Nullable object) { \
        return draftflow_gmime_is_a(functions, object, functions->GET_TYPE()) ? (TYPE *)object : NULL; \
    }
DRAFTFLOW_GMIME_AS(multipart, GMimeMultipart, GMimeObject, g_mime_multipart_get_type)
DRAFTFLOW_GMIME_AS(part, GMimePart, GMimeObject, g_mime_part_get_type)
DRAFTFLOW_GMIME_AS(text_part, GMimeTextPart, GMimeObject, g_mime_text_part_get_type)
DRAFTFLOW_GMIME_AS(message_part, GMimeMessagePart, GMimeObject, g_mime_message_part_get_type)
DRAFTFLOW_GMIME_AS(mailbox, InternetAddressMailbox, InternetAddress, internet_address_mailbox_get_type)
DRAFTFLOW_GMIME_AS(group, InternetAddressGroup, InternetAddress, internet_address_group_get_type)
DRAFTFLOW_GMIME_AS(stream_mem, GMimeStreamMem, GMimeStream, g_mime_stream_mem_get_type)
#undef DRAFTFLOW_GMIME_AS
/* GMIME_OBJECT of a message: a GMimeObject, by GObject's single inheritance. */
static inline GMimeObject *_Nonnull draftflow_gmime_message_object(GMimeMessage *_Nonnull message) {
    return (GMimeObject *)message;
}
#endif

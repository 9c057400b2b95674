package fr.actionsociale.commons.evenement;

/** CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes travel as record headers. */
public final class CloudEvents {
    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATASCHEMA = "ce_dataschema";
    /** In binary mode the datacontenttype attribute maps to the plain content-type header. */
    public static final String CONTENT_TYPE = "content-type";
    public static final String VERSION_SPEC = "1.0";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    /** Where the JSON Schema of an event type is served by every service. */
    public static String schema(String type) {
        return "/schemas/" + type + ".json";
    }
}

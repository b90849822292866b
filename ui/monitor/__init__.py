"""Parts of the Monitor page: row wording, the table model, filters, alarms, device status."""

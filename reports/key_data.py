"""The key forms' rows now come from models.queries.key_forms; these names stay for old callers."""
from models.queries.key_forms import (
                                      EventInfo,
                                      KeyInfo,
                                      Loan,
                                      handover_keys,
                                      key_by_tag,
                                      key_history,
                                      keys_by_tags,
                                      keys_in_cabinet,
                                      latest_event,
                                      latest_issue,
                                      loans,
                                      project_events,
                                      project_keys,
                                      sealed_keys,
)

__all__ = ["EventInfo", "KeyInfo", "Loan", "handover_keys", "key_by_tag", "key_history", "keys_by_tags",
           "keys_in_cabinet", "latest_event", "latest_issue", "loans", "project_events", "project_keys",
           "sealed_keys"]

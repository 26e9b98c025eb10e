"""The free-text topic columns go; 0003 moved their texts into relations to topics.Topic."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_topic_relations"),
    ]

    operations = [
        migrations.RemoveField(model_name="meeting", name="topic_text"),
        migrations.RemoveField(model_name="programme", name="topics_text"),
    ]

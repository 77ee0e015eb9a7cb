use "../outside.comp"
